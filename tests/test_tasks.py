"""run_task / to_main: work on a worker thread, the result on the Qt main thread."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QCoreApplication, QObject

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
    with qtbot.waitSignal(owner.destroyed, timeout=5000):
        owner.deleteLater()
    gate.set()
    assert pool.shutdown(5.0)  # the job has finished and posted its result
    QCoreApplication.sendPostedEvents()  # anything it posted is delivered now
    assert seen == []


def test_shutdown_waits_for_the_running_job_with_a_bound():
    pool = TaskPool("test")
    running = threading.Event()
    pool.submit(lambda: (running.set(), time.sleep(5)))
    assert running.wait(30)
    t0 = time.monotonic()
    assert pool.shutdown(0.2) is False
    assert time.monotonic() - t0 < 4.0  # it did not wait for the 5 s job (a generous bound, not a speed test)
    assert pool.submit(int).cancelled()


def test_to_main_from_a_thread(qtbot):
    seen: list[int] = []
    thread = threading.Thread(target=lambda: to_main(lambda: seen.append(threading.get_ident())))
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: seen == [threading.get_ident()], timeout=1000)
