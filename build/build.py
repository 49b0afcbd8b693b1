"""Builds the release for this platform: PyInstaller folder, archive, signed SHA256SUMS."""

from __future__ import annotations

import argparse
import ast
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import zipfile
from collections.abc import Sequence
from pathlib import Path

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
from verify_stick import MANIFEST, SIGNATURE, manifest_text

ReleaseKey = ed25519.Ed25519PrivateKey | ec.EllipticCurvePrivateKey

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "juryapp.spec"
NAME = "juryapp"
KEY_ENV = "JURYAPP_RELEASE_KEY"  # the PEM text itself, e.g. a CI secret
KEY_PASSPHRASE_ENV = "JURYAPP_RELEASE_KEY_PASSPHRASE"  # noqa: S105 - a variable name


def package_version() -> str:
    tree = ast.parse((ROOT / NAME / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__version__" for t in node.targets
        ):
            return str(ast.literal_eval(node.value))
    raise SystemExit("juryapp/__init__.py defines no __version__")


def platform_tag() -> str:
    machine = platform.machine().lower()
    machine = {"amd64": "x86_64", "x64": "x86_64", "aarch64": "arm64"}.get(machine, machine)
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    if system.startswith("linux"):
        system = "linux"
    return f"{system}-{machine}"


# --- signing ----------------------------------------------------------------------------------


def load_or_create_key(args: argparse.Namespace) -> ReleaseKey | None:
    """The release private key: a new one, a file, or the environment; None when unsigned."""
    if args.new_key is not None:
        key = ed25519.Ed25519PrivateKey.generate()
        path: Path = args.new_key
        path.parent.mkdir(parents=True, exist_ok=True)
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(pem)
        print(f"new release key: {path} (keep it off the stick and out of git)")
        return key
    if args.key is not None:
        pem = args.key.read_bytes()
    elif os.environ.get(KEY_ENV):
        pem = os.environ[KEY_ENV].encode()
    elif args.unsigned:
        return None
    else:
        raise SystemExit(
            f"no release key: give --key FILE, set {KEY_ENV}, make one with --new-key FILE, "
            "or pass --unsigned"
        )
    passphrase = os.environ.get(KEY_PASSPHRASE_ENV)
    loaded = serialization.load_pem_private_key(pem, passphrase.encode() if passphrase else None)
    if not isinstance(loaded, ReleaseKey):
        raise SystemExit("the release key must be Ed25519 or ECDSA")
    return loaded


def sign(key: ReleaseKey, data: bytes) -> bytes:
    if isinstance(key, ed25519.Ed25519PrivateKey):
        return key.sign(data)
    return key.sign(data, ec.ECDSA(hashes.SHA256()))


def public_pem(key: ReleaseKey) -> bytes:
    return key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def write_manifest(
    out: Path, artifacts: Sequence[Path], key: ReleaseKey | None, work: Path
) -> None:
    text = manifest_text(out, [a.name for a in artifacts])
    (out / MANIFEST).write_text(text, encoding="utf-8", newline="\n")
    print(f"{MANIFEST}:\n{text}", end="")
    if key is None:
        (out / SIGNATURE).unlink(missing_ok=True)
        print(f"UNSIGNED: no {SIGNATURE} written")
        return
    (out / SIGNATURE).write_bytes(sign(key, text.encode("utf-8")))
    public = work / "release-public.pem"
    public.write_bytes(public_pem(key))
    print(f"signed: {out / SIGNATURE}; public key: {public}")


# --- PyInstaller and the per-platform packages ---------------------------------------------


def run_pyinstaller(work: Path, dist: Path) -> None:
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(SPEC),
        "--noconfirm",
        "--clean",
        "--workpath",
        str(work / "pyinstaller"),
        "--distpath",
        str(dist),
    ]
    print("+", " ".join(command), flush=True)
    subprocess.run(command, check=True, cwd=ROOT)  # noqa: S603 - our own interpreter


def folder_size(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() or p.is_symlink())


def package_linux(folder: Path, out: Path, stem: str, work: Path) -> list[Path]:
    """A tarball: the app folder plus its .desktop entry, icon and the entry's installer."""
    stage = work / "stage" / stem
    shutil.rmtree(stage.parent, ignore_errors=True)
    shutil.copytree(folder, stage, symlinks=True)
    linux = ROOT / "build" / "linux"
    shutil.copy2(linux / "juryapp.desktop", stage / "juryapp.desktop")
    shutil.copy2(linux / "install-desktop-entry.sh", stage / "install-desktop-entry.sh")
    shutil.copy2(ROOT / "resources" / "icons" / "juryapp.png", stage / "juryapp.png")
    shutil.copy2(ROOT / "resources" / "icons" / "juryapp.svg", stage / "juryapp.svg")
    archive = out / f"{stem}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=9) as tar:
        tar.add(stage, arcname=stem, filter=_reset_owner)
    return [archive]


def _reset_owner(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def find_iscc() -> Path | None:
    found = shutil.which("iscc") or shutil.which("ISCC")
    if found:
        return Path(found)
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        if base and (Path(base) / "Inno Setup 6" / "ISCC.exe").is_file():
            return Path(base) / "Inno Setup 6" / "ISCC.exe"
    return None


def package_windows(folder: Path, out: Path, stem: str, version: str, work: Path) -> list[Path]:
    """A portable zip of the folder and, when Inno Setup is installed, the installer."""
    portable = out / f"{stem}-portable.zip"
    with zipfile.ZipFile(portable, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, Path(NAME) / path.relative_to(folder))
    artifacts = [portable]
    iscc = find_iscc()
    if iscc is None:
        print("Inno Setup (ISCC.exe) not found: only the portable zip; see build/windows/README.md")
        return artifacts
    script = ROOT / "build" / "windows" / "juryapp.iss"
    subprocess.run(  # noqa: S603 - Inno Setup's compiler on our own script
        [
            str(iscc),
            f"/DAppVersion={version}",
            f"/DSourceDir={folder}",
            f"/DOutputDir={out}",
            f"/DOutputName={stem}-setup",
            f"/DIconFile={work / 'juryapp.ico'}",
            str(script),
        ],
        check=True,
    )
    return [*artifacts, out / f"{stem}-setup.exe"]


def package_macos(dist: Path, out: Path, stem: str) -> list[Path]:
    """The .app from the spec's BUNDLE step, zipped with ditto (keeps links and attributes)."""
    app = dist / f"{NAME}.app"
    if not app.is_dir():
        raise SystemExit(f"{app} was not built; the spec's BUNDLE step runs on macOS only")
    archive = out / f"{stem}.zip"
    subprocess.run(  # noqa: S603 - macOS's ditto
        ["/usr/bin/ditto", "-c", "-k", "--sequesterRsrc", "--keepParent", str(app), str(archive)],
        check=True,
    )
    return [archive]


def windows_icon(work: Path) -> None:
    """Inno Setup wants an .ico; made from the 256 px PNG with Pillow (reportlab needs it)."""
    with Image.open(ROOT / "resources" / "icons" / "juryapp.png") as image:
        sizes = [(s, s) for s in (16, 24, 32, 48, 64, 128, 256)]
        image.save(work / "juryapp.ico", sizes=sizes)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="release folder")
    parser.add_argument(
        "--workpath", type=Path, default=ROOT / "build" / "work", help="scratch folder"
    )
    keys = parser.add_mutually_exclusive_group()
    keys.add_argument("--key", type=Path, help=f"release private key (PEM); else ${KEY_ENV}")
    keys.add_argument("--new-key", type=Path, help="create an Ed25519 release key here, use it")
    keys.add_argument("--unsigned", action="store_true", help="write SHA256SUMS without a key")
    parser.add_argument(
        "--reuse", action="store_true", help="package the existing PyInstaller output"
    )
    args = parser.parse_args(argv)

    version = package_version()
    tag = platform_tag()
    stem = f"{NAME}-{version}-{tag}"
    work: Path = args.workpath.resolve()
    out: Path = args.out.resolve()
    dist = work / "dist"
    key = load_or_create_key(args)  # before the long build, so a bad key fails at once
    work.mkdir(parents=True, exist_ok=True)
    if not args.reuse:
        run_pyinstaller(work, dist)
    folder = dist / NAME
    print(f"one-folder build: {folder} ({folder_size(folder) / 1e6:.1f} MB)")

    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob(f"{NAME}-*"):
        if stale.is_file():
            stale.unlink()
    if tag.startswith("linux"):
        artifacts = package_linux(folder, out, stem, work)
    elif tag.startswith("windows"):
        windows_icon(work)
        artifacts = package_windows(folder, out, stem, version, work)
    elif tag.startswith("macos"):
        artifacts = package_macos(dist, out, stem)
    else:
        raise SystemExit(f"no recipe for {tag}")
    for artifact in artifacts:
        print(f"artifact: {artifact} ({artifact.stat().st_size / 1e6:.1f} MB)")
    write_manifest(out, artifacts, key, work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
