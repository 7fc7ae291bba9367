        adduser --quiet --system --group --home "$USER_HOME" --no-create-home --disabled-login wazo-foo
