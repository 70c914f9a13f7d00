"""Django's SQLite backend, told how many query parameters this SQLite really accepts.

Django 5.2 assumes 999, the limit of SQLite releases before 3.32 (2020), and splits every bulk
insert into batches of that size, so loading a plan took more queries the bigger the plan.
Newer releases accept far more (32,766 by default, more where built so); reading the limit
from the connection, as later Django releases do, keeps a plan's load to one insert per table.
"""
