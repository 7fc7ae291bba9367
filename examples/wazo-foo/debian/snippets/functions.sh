# Reload a systemd service if it is running (nginx, monit); never fail.
reload_if_running() {
    if [ -d /run/systemd/system ] && systemctl --quiet is-active "$1.service" 2>/dev/null; then
        systemctl reload "$1.service" || echo "wazo-foo: warning: could not reload $1" >&2
    fi
}
