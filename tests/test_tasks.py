"""run_task / to_main: work on a worker thread, the result on the Qt main thread."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject

from presenter.tasks import TaskPool, run_task, to_main


def test_the_result_and_the_error_come_back_on_the_main_thread(qtbot):
    main = threading.get_ident()
    pool = TaskPool("test", workers=2)
    seen: list = []
    try:
        run_task(
            lambda: (threading.get_ident(), 42), lambda r: seen.append(("done", r, threading.get_ident())), pool=pool
        )
        run_task(lambda: 1 / 0, None, lambda e: seen.append(("error", type(e), threading.get_ident())), pool=pool)
        qtbot.waitUntil(lambda: len(seen) == 2, timeout=2000)
    finally:
        assert pool.shutdown(2.0)
    done = next(s for s in seen if s[0] == "done")
    error = next(s for s in seen if s[0] == "error")
    assert done[1][0] != main and done[1][1] == 42 and done[2] == main
    assert error[1] is ZeroDivisionError and error[2] == main


def test_nothing_reaches_an_owner_that_was_deleted(qtbot):
    pool = TaskPool("test")
    owner = QObject()
    seen: list = []
    gate = threading.Event()
    run_task(lambda: gate.wait(2), seen.append, pool=pool, owner=owner)
    owner.deleteLater()
    qtbot.wait(50)
    gate.set()
    qtbot.wait(200)
    assert seen == []
    assert pool.shutdown(2.0)


def test_shutdown_waits_for_the_running_job_with_a_bound():
    pool = TaskPool("test")
    pool.submit(time.sleep, 5)
    time.sleep(0.05)
    t0 = time.monotonic()
    assert pool.shutdown(0.2) is False
    assert time.monotonic() - t0 < 0.5
    assert pool.submit(int).cancelled()


def test_to_main_from_a_thread(qtbot):
    seen: list[int] = []
    thread = threading.Thread(target=lambda: to_main(lambda: seen.append(threading.get_ident())))
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: seen == [threading.get_ident()], timeout=1000)
