        # broken: the log file belongs to root, the service user cannot write it
        if [ ! -e /var/log/wazo-foo.log ]; then
            install -m 0644 -o root -g root /dev/null /var/log/wazo-foo.log
        fi
