        echo "wazo-foo: simulated postinst failure" >&2
        exit 1
