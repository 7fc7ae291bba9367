    rm -f /var/log/wazo-foo.log /var/log/wazo-foo.log.*
    rm -rf /var/lib/wazo-foo "$USER_HOME" /run/wazo-foo /etc/wazo-foo
    rm -f /etc/systemd/system/multi-user.target.d/wazo-foo.conf
