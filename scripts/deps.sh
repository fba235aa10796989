#!/bin/sh
# Installs the Debian packages newsfuse builds and tests against, when any is
# missing. Runs apt-get as root (directly, or through sudo).
set -e
PKGS="build-essential pkg-config libmicrohttpd-dev curl libutf8proc-dev libstemmer-dev libjansson-dev libpcre2-dev libglpk-dev liblink-grammar-dev libltdl-dev libxml2-dev zlib1g-dev libcurl4-openssl-dev libsqlite3-dev openssl clang libclang-rt-dev valgrind python3 python3-pytest python3-distributed"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "deps: installing$missing"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
