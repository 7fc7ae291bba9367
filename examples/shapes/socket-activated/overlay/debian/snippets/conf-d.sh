        # this shape ships no conf.d directory: its configuration is config.yml alone
