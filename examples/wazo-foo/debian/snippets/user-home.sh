USER_HOME=/var/lib/wazo-foo
