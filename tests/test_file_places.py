"""Where a workspace file may live: a network file system is refused in words (simulated mount
table and share names); a cloud-sync folder is worked in safely (the file alone is whole after
every save, and a replacement under an open app is noticed)."""

from __future__ import annotations

import shutil
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from selfeval.cli import main
from selfeval.store import file_places


@pytest.fixture
def network_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder the (simulated) mount table says is an SMB share."""
    share = tmp_path / "shared drive"
    share.mkdir()
    mounts = tmp_path / "mounts"
    mounts.write_text(
        "/dev/sda1 / ext4 rw,relatime 0 0\n"
        f"//council-fs/send {str(share).replace(' ', chr(92) + '040')} cifs rw,vers=3.0 0 0\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(file_places, "MOUNTS", mounts)
    return share


def test_a_workspace_on_a_network_drive_is_refused_in_words(
    network_folder: Path, demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = network_folder / "SEF" / "anyshire.selfeval"
    target.parent.mkdir()
    assert main(["new", str(target), "--area", "Anyshire"]) == 2
    err = capsys.readouterr().err
    assert "is on a network drive (cifs" in err and "keep the workspace on this computer" in err
    assert not target.exists()
    shutil.copyfile(demo_path, target)  # one put there by hand
    assert main(["status", str(target)]) == 2
    assert "network drive" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("path", "network"),
    [
        (PureWindowsPath(r"\\council-fs\send\anyshire.selfeval"), "a network share"),
        (PureWindowsPath(r"C:\Users\jo\Documents\anyshire.selfeval"), None),
    ],
)
def test_a_windows_share_is_a_network_place(path: PureWindowsPath, network: str | None) -> None:
    assert file_places.network_drive(path) == network


@pytest.mark.parametrize(
    ("path", "folder"),
    [
        ("/home/jo/OneDrive - Anyshire County Council/SEF/a.selfeval", "OneDrive - Anyshire County Council"),
        ("/home/jo/OneDrive/a.selfeval", "OneDrive"),
        ("/home/jo/Dropbox (Anyshire)/a.selfeval", "Dropbox (Anyshire)"),
        ("/home/jo/Google Drive/My Drive/a.selfeval", "Google Drive"),
        ("/home/jo/Documents/SharePoint/a.selfeval", "SharePoint"),
        ("/home/jo/Documents/onedrive-notes/a.selfeval", None),
    ],
)  # fmt: skip
def test_sync_folders_are_recognised(path: str, folder: str | None) -> None:
    assert file_places.sync_folder(PurePosixPath(path)) == folder


def test_a_workspace_in_a_sync_folder_is_worked_in(tmp_path: Path) -> None:
    from selfeval.services.judgements import get_judgement, set_judgement
    from selfeval.services.users import CurrentUser
    from selfeval.services.workspace import open_workspace

    synced = tmp_path / "OneDrive - Anyshire County Council"
    synced.mkdir()
    path = synced / "anyshire.selfeval"
    assert main(["demo", str(path)]) == 0
    with open_workspace(path, CurrentUser("Jo", "")) as workspace:
        set_judgement(workspace, "right-help", rating="red")
        shutil.copyfile(path, tmp_path / "uploaded.selfeval")  # what the sync client sends
    with open_workspace(tmp_path / "uploaded.selfeval", CurrentUser("Jo", "")) as copy:
        assert get_judgement(copy, "right-help").rating == "red"
