    rm -f /var/log/wazo-foo.log /var/log/wazo-foo.log.*
    rm -rf /var/lib/wazo-foo "$USER_HOME" /run/wazo-foo /etc/wazo-foo
    # broken: removes a file the daemon may never have written, without -f: the postrm fails
    rm /var/lib/wazo-foo/state.db
