"""Who may do what: roles, the one policy, the routes' declared policies, the audit trail."""
