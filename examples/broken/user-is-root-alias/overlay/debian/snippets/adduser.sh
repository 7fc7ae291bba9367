        # broken: the service user is an alias of root (uid 0 under another name)
        if ! getent passwd wazo-foo >/dev/null; then
            getent group wazo-foo >/dev/null || groupadd --system wazo-foo
            useradd --non-unique --uid 0 --gid wazo-foo --home-dir "$USER_HOME" --no-create-home --shell /usr/sbin/nologin wazo-foo
        fi
