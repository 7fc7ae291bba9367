# wazo-jot: the journal-no-api shape (BASE) with this overlay, renamed: supervised by systemd
# (Restart=always, no monit check) and echoing UDP on :: port 9511.
s/wazo-foo/wazo-jot/g
s/wazo_foo/wazo_jot/g
s/^Restart=on-failure$/Restart=always/
s/^RestartSec=5$/RestartSec=2/
