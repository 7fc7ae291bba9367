    rm -rf /var/lib/wazo-foo "$USER_HOME" /run/wazo-foo /etc/wazo-foo
