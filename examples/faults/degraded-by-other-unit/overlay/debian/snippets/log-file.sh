        if [ ! -e /var/log/wazo-foo.log ]; then
            install -m 0644 -o wazo-foo -g wazo-foo /dev/null /var/log/wazo-foo.log
        fi
        # Fault: an unrelated unit that fails once started.
        printf '[Unit]\nDescription=unrelated helper that fails\n[Service]\nType=oneshot\nExecStart=/bin/false\n' > /etc/systemd/system/unrelated-helper.service
        systemctl daemon-reload 2>/dev/null || true
        systemctl start unrelated-helper.service 2>/dev/null || true
