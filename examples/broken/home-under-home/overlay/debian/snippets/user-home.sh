# broken: the user's home is /home/wazo-foo (postinst creates it)
USER_HOME=/home/wazo-foo
