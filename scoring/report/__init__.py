"""After-action reports: one model (`AfterActionReport`) built from a session, three renderers."""
