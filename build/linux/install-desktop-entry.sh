#!/bin/sh
# Adds juryapp to this user's application menu, pointing at the folder this script is in.
# Nothing is copied: the app runs from wherever the tarball was unpacked.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor"
mkdir -p "$apps" "$icons/256x256/apps" "$icons/scalable/apps"
cp "$here/juryapp.png" "$icons/256x256/apps/juryapp.png"
cp "$here/juryapp.svg" "$icons/scalable/apps/juryapp.svg"
# Quote the path for the Exec key (spaces are allowed inside double quotes there).
sed -e "s|^Exec=juryapp-gui|Exec=\"$here/juryapp-gui\"|" \
    -e "s|^TryExec=juryapp-gui|TryExec=$here/juryapp-gui|" \
    "$here/juryapp.desktop" > "$apps/juryapp.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" || true
echo "juryapp added to the application menu ($apps/juryapp.desktop)"
