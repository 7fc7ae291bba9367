        if [ ! -e /var/log/wazo-foo.log ]; then
            install -m 0644 -o wazo-foo -g wazo-foo /dev/null /var/log/wazo-foo.log
        fi
        # Fault: a consul snippet consul cannot parse; the restart leaves consul down.
        echo '{ "services": [ this is not json' > /etc/consul.d/50-wazo-foo.json
        systemctl restart consul.service 2>/dev/null || true
