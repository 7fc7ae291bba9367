        # broken: the system user gets a login shell
        adduser --quiet --system --group --shell /bin/bash --home "$USER_HOME" --no-create-home --disabled-login wazo-foo
