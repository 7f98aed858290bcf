#!/usr/bin/env bash
# Reconnect's developer commands. Each one installs what it needs first (a Python virtual
# environment in .venv, and the Debian/Ubuntu packages Qt and the tests use), so it works
# on a fresh machine with only Python 3.11+, and running it twice is harmless.
#
#   ./dev.sh start [ARGS]    install and start Reconnect (ARGS go to the app)
#   ./dev.sh path [--link]   how to run the `reconnect` command from any folder; --link
#                            (or answering yes) links it into ~/.local/bin
#   ./dev.sh test [ARGS]     install and run ruff, mypy, the import contracts and the whole
#                            test suite (ARGS go to pytest)
#   ./dev.sh test-dates [NAME] [ARGS]  the whole suite again with the system clock moved
#                            (faketime) to each date in MOVED_CLOCKS, or only to NAME
#   ./dev.sh train-tone      train the tone checker's learned layer from tests/data/tone_corpus/
#   ./dev.sh build           build the standalone app with PyInstaller into dist/reconnect/,
#                            then dist/reconnect_<version>_amd64.deb and a .tar.gz of it
#   ./dev.sh package         build, then test the built binary and the .deb
#   ./dev.sh bench           run the benchmarks and print a table
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

PYTHON=${PYTHON:-python3}
VENV=.venv

# Shared libraries Qt's xcb platform plugin needs on a desktop (often missing on Ubuntu).
RUN_PACKAGES=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0
  libxcb-render-util0 libxcb-xinerama0 libxcb-image0 libxkbcommon-x11-0 libegl1 libgl1
  libfontconfig1 libdbus-1-3)
# The real parts the tests use: an X server, a tray host, a Secret Service, age, xdotool.
TEST_PACKAGES=(xvfb trayer gnome-keyring libsecret-tools dbus-x11 age xdotool imagemagick
  desktop-file-utils libglib2.0-bin x11-utils faketime xdg-desktop-portal xdg-desktop-portal-gtk
  fonts-dejavu-core dunst haskell-gtk-sni-tray-utils appstream binutils
  at-spi2-core)  # the accessibility bus: e2e tests read the screen as a screen reader does
# Awkward moments for the system clock (./dev.sh test-dates): NAME TZ "DATE TIME".
MOVED_CLOCKS=(
  "leap-day UTC 2028-02-29 12:00:00"
  "dst-night Europe/Berlin 2027-03-28 01:30:00"  # 02:00 becomes 03:00 half an hour in
  "year-end UTC 2026-12-31 23:59:30"             # the year turns 30 s into the run
  "years-ahead UTC 2031-06-15 12:00:00"
)

say() { printf '\033[1m%s\033[0m\n' "$*" >&2; }

ensure_system_packages() {
  command -v dpkg-query >/dev/null 2>&1 || return 0  # not Debian/Ubuntu: see README
  local missing=() package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" ||
      missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  say "Installing system packages: ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

ensure_venv() {  # $1: the pip extras to install, e.g. "test" or "test,build"
  "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
    say "Reconnect needs Python 3.11 or newer; $PYTHON is $("$PYTHON" --version 2>&1)."
    exit 1
  }
  if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -c 'import ensurepip' 2>/dev/null || ensure_system_packages python3-venv
    say "Creating the virtual environment in $VENV"
    "$PYTHON" -m venv "$VENV"
  fi
  local wanted="${1:-}" stamp="$VENV/.installed"
  local fingerprint
  fingerprint="$(sha256sum pyproject.toml | cut -c1-16) $wanted"
  if [ ! -f "$stamp" ] || ! grep -qxF "$fingerprint" "$stamp"; then
    say "Installing Reconnect${wanted:+ with $wanted tools} into $VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e ".${wanted:+[$wanted]}"
    echo "$fingerprint" >>"$stamp"
  fi
}

# keyrings.alt is not a dependency: the tests install it into a venv of their own to show
# that a plain-text file keyring never receives the key (tests/storage/test_keystore_file_keyrings.py).
ensure_test_wheels() {
  compgen -G "$VENV/test-wheels/keyrings.alt-*.whl" >/dev/null && return 0
  say "Downloading keyrings.alt for the keyring tests"
  "$VENV/bin/python" -m pip download -q --no-deps -d "$VENV/test-wheels" 'keyrings.alt>=5'
}

command=${1:-start}
shift || true
case "$command" in
  start)
    ensure_system_packages "${RUN_PACKAGES[@]}"
    ensure_venv ""
    exec "$VENV/bin/python" -m reconnect_gui "$@"
    ;;
  path)
    command_file="$PWD/$VENV/bin/reconnect"
    if [ ! -x "$command_file" ]; then
      say "The reconnect command is not installed yet: run ./dev.sh start once, then this again."
      exit 1
    fi
    bin_dir="$HOME/.local/bin"
    echo "The reconnect command is $command_file."
    echo "To use it in this terminal only, run:"
    echo "  alias reconnect='$command_file'"
    link=""
    if [ "${1:-}" = "--link" ]; then
      link=yes
    elif [ -t 0 ]; then
      read -r -p "Link it into $bin_dir, so every new terminal finds it? [y/N] " answer
      case "$answer" in [yY]*) link=yes ;; esac
    else
      echo "To use it in every terminal: ./dev.sh path --link (links it into $bin_dir)."
    fi
    if [ -n "$link" ]; then
      if [ -e "$bin_dir/reconnect" ] && [ ! -L "$bin_dir/reconnect" ]; then
        say "$bin_dir/reconnect already exists and is not a link; it was left as it is."
        exit 1
      fi
      mkdir -p "$bin_dir"
      ln -sfn "$command_file" "$bin_dir/reconnect"
      echo "Linked: $bin_dir/reconnect -> $command_file"
      case ":$PATH:" in
        *":$bin_dir:"*) ;;
        *) echo "$bin_dir is not on your PATH yet; add this line to ~/.profile, then log in again:"
           echo "  export PATH=\"\$HOME/.local/bin:\$PATH\"" ;;
      esac
    fi
    ;;
  test)
    ensure_system_packages "${RUN_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    ensure_venv "test"
    ensure_test_wheels
    "$VENV/bin/ruff" check .
    "$VENV/bin/mypy"  # configured in pyproject.toml: strict for core and storage
    "$VENV/bin/lint-imports"  # who may import whom (docs/architecture.md)
    exec "$VENV/bin/python" -m pytest "$@"
    ;;
  test-dates)
    ensure_system_packages "${RUN_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    ensure_venv "test"
    ensure_test_wheels
    only=""
    if [ $# -gt 0 ] && [[ "$1" != -* ]]; then only=$1; shift; fi
    ran=0
    for moved in "${MOVED_CLOCKS[@]}"; do
      read -r name zone day clock <<<"$moved"
      [ -n "$only" ] && [ "$only" != "$name" ] && continue
      say "The whole suite with the clock at $day $clock ($zone): $name"
      # Monotonic time stays real, so timeouts and waits behave (tests/helpers/faketime_sleep.py).
      # With monotonic time real, libfaketime's pthread_cond "monotonic fix" is not needed,
      # and on a busy machine it made Python abort ("take_gil: PyCOND_WAIT failed").
      TZ=$zone FAKETIME_DONT_FAKE_MONOTONIC=1 FAKETIME_FORCE_MONOTONIC_FIX=0 faketime "$day $clock" \
        "$VENV/bin/python" -m pytest "$@"
      ran=$((ran + 1))
    done
    if [ "$ran" -eq 0 ]; then
      say "No moved clock is called '$only'. Names: leap-day dst-night year-end years-ahead."
      exit 2
    fi
    ;;
  train-tone)
    ensure_venv "train"
    exec "$VENV/bin/python" -m reconnect_gui.core.tone.training "$@"
    ;;
  build)
    ensure_system_packages "${RUN_PACKAGES[@]}"
    ensure_venv "build"
    "$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN build.spec
    exec "$VENV/bin/python" packaging/make_packages.py  # the .deb and the tarball
    ;;
  package)
    ensure_system_packages "${RUN_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    ensure_venv "test,build"
    "$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN build.spec
    "$VENV/bin/python" packaging/make_packages.py
    exec "$VENV/bin/python" -m pytest -m frozen "$@"
    ;;
  bench)
    ensure_system_packages "${RUN_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    ensure_venv "test,build,train"
    exec "$VENV/bin/python" -m benchmarks "$@"
    ;;
  *)
    sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
