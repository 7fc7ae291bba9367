#!/bin/sh
# Build the wazo-foo example packages and their broken variants.
#
# Usage: sh build-debs.sh OUTDIR [TARGET...]
#   TARGET is a directory of OUTDIR below (wazo-foo, wazo-bar, shapes/udp-ipv6, broken/runs-as-root,
#   faults/crash-loop...): only those are built; without one, every example is.
#   OUTDIR/wazo-foo/wazo-foo_1.0.0_all.deb
#   OUTDIR/wazo-foo/wazo-foo_1.1.0_all.deb
#   OUTDIR/broken/<variant>/wazo-foo_1.1.0_all.deb   (one per examples/broken/<variant>/overlay;
#                                                    NAME_1.1.0_all.deb for a variant of a shape, see BASE)
#   OUTDIR/faults/<name>/wazo-foo_1.1.0_all.deb      (one per examples/faults/<name>/overlay)
#   OUTDIR/shapes/<shape>/NAME_{1.0.0,1.1.0}_all.deb (one per examples/shapes/<shape>, NAME from its derive.sed;
#                                                    a shape with a BASE file is built on that shape's overlay)
#
# Needs only a POSIX sh, coreutils, sed, find and dpkg-deb. Never writes next to
# this script (the source may be mounted read-only): it works in a temp dir.
# Meant to run in the Debian base image:
#   docker run --rm --user UID:GID -v .../examples:/src:ro -v OUTDIR:/out \
#       wazo-harness/debian:trixie-dev sh /src/build-debs.sh /out
set -eu
umask 022

here=$(cd "$(dirname "$0")" && pwd)
good="$here/wazo-foo"
out=${1:?usage: build-debs.sh OUTDIR [TARGET...]}
shift
targets=" $* "
: "${SOURCE_DATE_EPOCH:=1735689600}"   # 2025-01-01T00:00:00Z, for reproducible builds
export SOURCE_DATE_EPOCH
VERSIONS="1.0.0 1.1.0"
BROKEN_VERSION=1.1.0

work=$(mktemp -d "${TMPDIR:-/tmp}/wazo-foo-build.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 1' INT TERM

# wanted TARGET: whether the command line asks for TARGET (no target: all of them).
wanted() {
    [ "$targets" = "  " ] || case "$targets" in *" $1 "*) true ;; *) false ;; esac
}

# Copy a maintainer script template, replacing each line "#INCLUDE path" by
# the content of that file (relative to the template's directory).
expand_includes() {
    _dir=$(dirname "$1")
    while IFS= read -r _line || [ -n "$_line" ]; do
        case "$_line" in
            '#INCLUDE '*) cat "$_dir/${_line#\#INCLUDE }" ;;
            *) printf '%s\n' "$_line" ;;
        esac
    done < "$1"
}

# build_one SRC_TREE VERSION OUTFILE [NAME]: NAME is the package (default wazo-foo); its
# Python module is the name with "_" for "-".
build_one() {
    src=$1 version=$2 outfile=$3 name=${4:-wazo-foo}
    module=$(printf '%s' "$name" | tr - _)
    root="$work/root"
    rm -rf "$root"
    for d in DEBIAN usr/bin "usr/lib/python3/dist-packages/$module" usr/lib/systemd/system \
             "usr/share/doc/$name"; do
        install -d -m 0755 "$root/$d"
    done
    # debian/dirs: the empty directories the package ships (as dh_installdirs reads it)
    while IFS= read -r d || [ -n "$d" ]; do
        [ -n "$d" ] && install -d -m 0755 "$root/$d"
    done < "$src/debian/dirs"

    install -m 0755 "$src/bin/$name" "$root/usr/bin/$name"
    for f in "$src/$module"/*.py "$src/$module"/api.yml; do
        # a service without a REST API (shapes/journal-no-api) ships no api.yml
        [ -e "$f" ] || continue
        install -m 0644 "$f" "$root/usr/lib/python3/dist-packages/$module/"
    done
    sed -i "s/@VERSION@/$version/" "$root/usr/lib/python3/dist-packages/$module/version.py"
    # merged /usr (Debian 13): units under /usr/lib, not the /lib alias (lintian: aliased-location)
    # the service unit and the package's other units (a shape's .socket, .timer and its oneshot .service)
    for u in "$src"/systemd/*; do
        install -m 0644 "$u" "$root/usr/lib/systemd/system/"
    done
    install -m 0644 "$src/debian/copyright" "$root/usr/share/doc/$name/copyright"
    # a native package's changelog, only the entries up to the version built
    sed -n "/^$name ($version)/,\$p" "$src/debian/changelog" | gzip -9n > "$root/usr/share/doc/$name/changelog.gz"
    chmod 0644 "$root/usr/share/doc/$name/changelog.gz"
    (cd "$src" && find etc -type f) | while IFS= read -r f; do
        install -d -m 0755 "$root/$(dirname "$f")"
        install -m 0644 "$src/$f" "$root/$f"
    done

    for s in postinst prerm postrm; do
        expand_includes "$src/debian/$s" > "$root/DEBIAN/$s"
        chmod 0755 "$root/DEBIAN/$s"
    done
    # Only the listed conffiles the package ships: a variant that removes one (.removed) drops it.
    while IFS= read -r conffile; do
        [ -e "$root$conffile" ] && printf '%s\n' "$conffile"
    done < "$src/debian/conffiles" > "$root/DEBIAN/conffiles"
    chmod 0644 "$root/DEBIAN/conffiles"

    # Installed-Size (KiB), as dpkg-gencontrol counts it: each file rounded up, 1 per other inode
    size=0
    for s in $(find "$root" -path "$root/DEBIAN" -prune -o -type f -printf '%s\n'); do
        size=$((size + (s + 1023) / 1024))
    done
    others=$(find "$root" -path "$root/DEBIAN" -prune -o ! -type f -print | wc -l)
    size=$((size + others))
    sed -e "s/@VERSION@/$version/" -e "s/@INSTALLED_SIZE@/$size/" \
        "$src/debian/control.in" > "$root/DEBIAN/control"
    chmod 0644 "$root/DEBIAN/control"

    find "$root" -type d -exec chmod 0755 {} +
    find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
    mkdir -p "$(dirname "$outfile")"
    dpkg-deb --root-owner-group --build "$root" "$outfile" >/dev/null
    echo "built $outfile"
}

# overlay_onto STAGE DIR LABEL: DIR/overlay replaces files of the wazo-foo tree copied in
# STAGE; an empty overlay file named <file>.removed stands for a package that does not ship
# <file>. Only files of the good tree may be replaced (or, under etc/ and systemd/, added), so an overlay
# cannot drift from it.
overlay_onto() {
    (cd "$2/overlay" && find . -type f) | while IFS= read -r f; do
        # Under etc/ (installed as a tree) an overlay may also add a file, e.g. a renamed drop-in;
        # under systemd/, a unit (every file there is installed as one).
        if [ ! -f "$good/${f%.removed}" ] && [ "${f#./etc/}" = "$f" ] && [ "${f#./systemd/}" = "$f" ]; then
            echo "$3: overlay file $f does not replace a file of wazo-foo/ (nor adds one under etc/ or systemd/)" >&2
            exit 1
        fi
    done
    cp -R "$2/overlay/." "$1/"
    find "$1" -type f -name '*.removed' | while IFS= read -r f; do
        rm -f "$f" "${f%.removed}"
    done
}

# rename_tree STAGE SEDFILE: another service made from wazo-foo by renaming its file names
# and contents with SEDFILE; prints the new package name.
rename_tree() {
    find "$1" -depth -name '*wazo[-_]foo*' | while IFS= read -r path; do
        mv "$path" "$(dirname "$path")/$(basename "$path" | sed -f "$2")"
    done
    find "$1" -type f -exec sed -i -f "$2" {} +
    printf 'wazo-foo' | sed -f "$2"
}

if wanted wazo-foo; then
    for v in $VERSIONS; do
        build_one "$good" "$v" "$out/wazo-foo/wazo-foo_${v}_all.deb"
    done
fi

# <name>/derive.sed: another example service made from wazo-foo by renaming (file names
# and contents), so multi-service runs check two real, distinct packages.
for derive in "$here"/*/derive.sed; do
    [ -f "$derive" ] || continue
    # its directory is named as the package it makes (examples/wazo-bar makes wazo-bar)
    wanted "$(basename "$(dirname "$derive")")" || continue
    stage="$work/derived-$(basename "$(dirname "$derive")")"
    cp -R "$good" "$stage"
    name=$(rename_tree "$stage" "$derive")
    for v in $VERSIONS; do
        build_one "$stage" "$v" "$out/$name/${name}_${v}_all.deb" "$name"
    done
done

# shapes/<shape>: a service shaped unlike wazo-foo (SHAPE says how) that must pass: wazo-foo
# with an overlay, renamed by its derive.sed, in both versions (its manifest is service.yml).
for shape_dir in "$here"/shapes/*/; do
    [ -d "$shape_dir/overlay" ] || continue
    shape=$(basename "$shape_dir")
    wanted "shapes/$shape" || continue
    [ -s "$shape_dir/SHAPE" ] || { echo "shapes/$shape: missing SHAPE file" >&2; exit 1; }
    stage="$work/shape-$shape"
    cp -R "$good" "$stage"
    if [ -s "$shape_dir/BASE" ]; then
        # A shape built on another (BASE names it): that shape's overlay first, then its own;
        # its own derive.sed renames it.
        base=$(cat "$shape_dir/BASE")
        [ -d "$here/shapes/$base/overlay" ] && [ ! -s "$here/shapes/$base/BASE" ] || { echo "shapes/$shape: BASE names no shape of shapes/ without a BASE of its own: $base" >&2; exit 1; }
        overlay_onto "$stage" "$here/shapes/$base" "shapes/$base"
    fi
    overlay_onto "$stage" "$shape_dir" "shapes/$shape"
    name=$(rename_tree "$stage" "$shape_dir/derive.sed")
    for v in $VERSIONS; do
        build_one "$stage" "$v" "$out/shapes/$shape/${name}_${v}_all.deb" "$name"
    done
done

# broken/<variant>: violates one guideline rule (named in RULE); faults/<name>: a host or
# package fault the harness must report without hanging (described in FAULT).
for variant_dir in "$here"/broken/*/ "$here"/faults/*/; do
    [ -d "$variant_dir/overlay" ] || continue
    variant=$(basename "$variant_dir")
    kind=$(basename "$(dirname "$variant_dir")")
    wanted "$kind/$variant" || continue
    describes=RULE
    [ "$kind" = faults ] && describes=FAULT
    [ -s "$variant_dir/$describes" ] || { echo "$kind/$variant: missing $describes file" >&2; exit 1; }
    stage="$work/stage-$kind-$variant"
    cp -R "$good" "$stage"
    name=wazo-foo
    if [ -s "$variant_dir/BASE" ]; then
        # A variant of a shape (BASE names it): the shape's overlay, then the variant's, and
        # the shape's renaming, so it breaks one rule of that shape's own verdict table.
        base=$(cat "$variant_dir/BASE")
        [ -d "$here/shapes/$base/overlay" ] || { echo "$kind/$variant: BASE names no shape of shapes/: $base" >&2; exit 1; }
        overlay_onto "$stage" "$here/shapes/$base" "shapes/$base"
        overlay_onto "$stage" "$variant_dir" "$kind/$variant"
        name=$(rename_tree "$stage" "$here/shapes/$base/derive.sed")
    else
        overlay_onto "$stage" "$variant_dir" "$kind/$variant"
    fi
    build_one "$stage" "$BROKEN_VERSION" "$out/$kind/$variant/${name}_${BROKEN_VERSION}_all.deb" "$name"
done
