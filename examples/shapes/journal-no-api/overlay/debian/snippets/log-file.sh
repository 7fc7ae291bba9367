        # this shape logs to the journal (stderr): it has no log file to create
