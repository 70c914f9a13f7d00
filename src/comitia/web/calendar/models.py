"""The calendar keeps no rows of its own: meetings and activities are the plans app's.

Its feeds' change log (FeedStamp, FeedChange and their triggers) was removed by migration
0002; feeds are now kept by the term's output version (``feeds``).
"""
