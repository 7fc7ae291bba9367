        # wazo-foo reads the host's default consul config (root:consul 0640)
        if getent group consul >/dev/null; then
            adduser --quiet wazo-foo consul
        fi
