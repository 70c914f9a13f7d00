"""Who may do what: users' roles, the one policy (``may``), the routes' declared policies, API
tokens, sign-in and its locks, the audit trail and edit versions. Who sees what (levels of
visibility) is the publication app's, above this one."""
