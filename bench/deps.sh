#!/bin/sh
# Debian packages needed only by the benchmarks (never by the build or the
# tests): libots, the peer summarizer of bench/speed.sh, and GLib, which
# its header needs; readability-lxml, the peer of bench/html_extract.sh;
# scikit-learn (and NumPy), the offline clustering baseline of
# bench/cluster_baseline.py (NumPy also runs scripts/train_events.py);
# time, for the peak memory of bench/cluster_speed.sh; hyperfine is not
# needed. Runs apt-get as root or sudo.
set -e
PKGS="libots-dev libglib2.0-dev libjansson-dev pkg-config python3-readability python3-sklearn python3-numpy time"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "bench deps: installing$missing"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
