"""Who sees what: the level of each term's plan, the rules of who sees what at each level, and
publishing (setting levels).

- ``models``: ``Publication``, the level of a term's plan (table ``access_publication``);
- ``visibility``: the rules every channel asks (``may_see_term``, ``visible_meetings``,
  ``visible_plan``, ...; ``visible_rows_of_term`` and ``may_see_level`` for any other model
  with levels);
- ``operations``: setting levels, recorded in the audit trail (and ``load_plan_file``, which
  stores a plan as a draft or publishes it);
- ``views`` and ``urls``: the publishing forms of a term and a meeting (the documents' is
  ``documents.views.visibility``);
- ``middleware``: a term hidden from the user answers 404 before any other refusal;
- ``admin_visibility``: the admin mixins that show each user only what they may see;
  ``admin`` and ``admin_plans``: the admin of publications and of the plans' rows;
- ``migrations``: the model's move from access (state only) and the revisions' trigger.

The vocabulary of levels (``Visibility``, ``visibility_field``) is ``comitia.web.levels``, below
every app; who may view drafts is ``comitia.web.access.policy``, which knows nothing of levels.
"""
