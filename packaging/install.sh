#!/bin/sh
# Install Reconnect for you only (no administrator password needed):
#
#   ./install.sh              copy the app to ~/.local/opt/reconnect, add the `reconnect`
#                             command to ~/.local/bin, and put Reconnect in your app menu
#   ./install.sh --uninstall  remove all of that again
#
# Your journal, drafts and settings live elsewhere (~/.local/share/Reconnect and
# ~/.config/Reconnect) and are never touched by this script, so installing a newer version
# or uninstalling keeps them.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
share=${XDG_DATA_HOME:-$HOME/.local/share}
prefix=$HOME/.local/opt/reconnect
bin_dir=$HOME/.local/bin
entry=$share/applications/reconnect.desktop
metainfo=$share/metainfo/app.reconnect.Reconnect.metainfo.xml
icon_sizes="16 22 24 32 48 64 96 128 256 512"

# Let the menu and the icon theme notice the change at once (both tools are optional).
refresh_desktop() {
  command -v update-desktop-database >/dev/null 2>&1 &&
    update-desktop-database -q "$share/applications" 2>/dev/null || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 &&
    gtk-update-icon-cache -q -t "$share/icons/hicolor" 2>/dev/null || true
}

uninstall() {
  rm -rf "$prefix"
  rmdir "$HOME/.local/opt" 2>/dev/null || true
  # The command only if it is ours (a link into the folder removed above).
  if [ -L "$bin_dir/reconnect" ] && [ "$(readlink "$bin_dir/reconnect")" = "$prefix/reconnect" ]; then
    rm -f "$bin_dir/reconnect"
  fi
  rm -f "$entry" "$metainfo" "$share/icons/hicolor/scalable/apps/reconnect.svg"
  for size in $icon_sizes; do
    rm -f "$share/icons/hicolor/${size}x${size}/apps/reconnect.png"
  done
  refresh_desktop
  echo "Reconnect was removed. Your journal and settings are still there."
}

# A desktop entry's Exec value, quoted by its rules: inside double quotes \ " ` $ take a
# backslash; every backslash is then doubled once more for the file's string escaping; and
# % is written %%.
exec_value() {
  printf '"%s"' "$(printf '%s' "$1" | sed -e 's/[\\"`$]/\\&/g' -e 's/\\/\\\\/g' -e 's/%/%%/g')"
}

install() {
  if [ ! -x "$here/reconnect" ] || [ ! -d "$here/_internal" ]; then
    echo "install.sh: run it from the unpacked reconnect folder (reconnect and _internal are missing)." >&2
    exit 1
  fi
  # A fresh copy each time, so an update leaves no files of the old version behind.
  rm -rf "$prefix"
  mkdir -p "$prefix" "$bin_dir"
  cp -R "$here/reconnect" "$here/_internal" "$prefix/"
  ln -sfn "$prefix/reconnect" "$bin_dir/reconnect"

  # The desktop entry starts the copy by its full path: ~/.local/bin is not on every
  # desktop session's PATH.
  mkdir -p "$share/applications" "$share/metainfo"
  exec_line="Exec=$(exec_value "$prefix/reconnect")"
  sed "s|^Exec=reconnect\$|$(printf '%s' "$exec_line" | sed 's/[|&\\]/\\&/g')|" \
    "$here/share/applications/reconnect.desktop" >"$entry"
  cp "$here/share/metainfo/app.reconnect.Reconnect.metainfo.xml" "$metainfo"
  for size in $icon_sizes; do
    mkdir -p "$share/icons/hicolor/${size}x${size}/apps"
    cp "$here/share/icons/hicolor/${size}x${size}/apps/reconnect.png" \
      "$share/icons/hicolor/${size}x${size}/apps/reconnect.png"
  done
  mkdir -p "$share/icons/hicolor/scalable/apps"
  cp "$here/share/icons/hicolor/scalable/apps/reconnect.svg" \
    "$share/icons/hicolor/scalable/apps/reconnect.svg"
  refresh_desktop

  echo "Reconnect is installed: find it in your app menu, or run: reconnect"
  case ":$PATH:" in
    *":$bin_dir:"*) ;;
    *) echo "($bin_dir is not on your PATH yet; the app menu works anyway.)" ;;
  esac
}

case "${1:-}" in
  "") install ;;
  --uninstall) uninstall ;;
  *) echo "Usage: ./install.sh [--uninstall]" >&2; exit 2 ;;
esac
