        if [ ! -e /var/log/wazo-foo.log ]; then
            install -m 0644 -o wazo-foo -g wazo-foo /dev/null /var/log/wazo-foo.log
        fi
