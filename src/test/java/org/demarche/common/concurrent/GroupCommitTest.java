package org.demarche.common.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private final ReentrantLock lock = new ReentrantLock();
    private final CountDownLatch firstStarted = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<List<String>> groups = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(6);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void piecesAskedForWhileAGroupIsUnderWayAreDoneTogetherAfterIt() throws Exception {
        GroupCommit<String, String> upper =
                held(group -> group.stream().map(String::toUpperCase).toList());
        Future<String> first = threads.submit(() -> upper.submit("a"));
        awaitFirstGroup();
        List<Future<String>> others = List.of("b", "c", "d", "e").stream()
                .map(piece -> threads.submit(() -> upper.submit(piece)))
                .toList();
        awaitWaiting(upper, 4);
        release.countDown();

        assertEquals("A", first.get(10, TimeUnit.SECONDS));
        assertEquals(List.of("B", "C", "D", "E"), results(others));
        assertEquals(
                List.of(List.of("a"), List.of("b", "c", "d", "e")),
                groups.stream().map(g -> g.stream().sorted().toList()).toList());
    }

    @Test
    void aPieceThatFailsItsGroupIsDoneAgainAloneAndFailsOnlyItsOwnThread() throws Exception {
        GroupCommit<String, String> upper = held(group -> {
            if (group.contains("bad")) {
                throw new IllegalArgumentException("bad piece");
            }
            return group.stream().map(String::toUpperCase).toList();
        });
        Future<String> first = threads.submit(() -> upper.submit("a"));
        awaitFirstGroup();
        Future<String> good = threads.submit(() -> upper.submit("good"));
        Future<String> bad = threads.submit(() -> upper.submit("bad"));
        awaitWaiting(upper, 2);
        release.countDown();

        assertEquals("A", first.get(10, TimeUnit.SECONDS));
        assertEquals("GOOD", good.get(10, TimeUnit.SECONDS));
        ExecutionException failure = assertThrows(ExecutionException.class, () -> bad.get(10, TimeUnit.SECONDS));
        assertInstanceOf(IllegalArgumentException.class, failure.getCause());
        assertTrue(groups.contains(List.of("good")) && groups.contains(List.of("bad")), groups.toString());
    }

    @Test
    void aPieceThatFailsAloneIsNotDoneTwice() {
        GroupCommit<String, String> failing = new GroupCommit<>(lock, group -> {
            groups.add(List.copyOf(group));
            throw new IllegalArgumentException("bad piece");
        });
        assertThrows(IllegalArgumentException.class, () -> failing.submit("bad"));
        assertEquals(List.of(List.of("bad")), groups);
    }

    @Test
    void anInterruptedThreadDoesNotLeadAGroup() {
        GroupCommit<String, String> upper = new GroupCommit<>(lock, group -> {
            groups.add(List.copyOf(group));
            return group.stream().map(String::toUpperCase).toList();
        });
        Thread.currentThread().interrupt();
        try {
            assertThrows(IllegalStateException.class, () -> upper.submit("a"));
        } finally {
            Thread.interrupted();
        }
        assertEquals(List.of(), groups);
        assertEquals("B", upper.submit("b"));
        assertEquals(List.of(List.of("a", "b")), groups);
    }

    /** A group commit whose first group waits for {@link #release}, recording every group it is given. */
    private GroupCommit<String, String> held(Function<List<String>, List<String>> work) {
        return new GroupCommit<>(lock, group -> {
            groups.add(List.copyOf(group));
            firstStarted.countDown();
            await(release);
            return work.apply(group);
        });
    }

    private void awaitFirstGroup() {
        await(firstStarted);
    }

    /** Waits until {@code n} pieces wait behind the first group. */
    private static void awaitWaiting(GroupCommit<String, String> work, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (work.waiting() < n) {
            assertTrue(System.nanoTime() < deadline, "pieces waiting: " + work.waiting());
            Thread.sleep(5);
        }
    }

    private static List<String> results(List<Future<String>> futures) throws Exception {
        List<String> results = new java.util.ArrayList<>();
        for (Future<String> future : futures) {
            results.add(future.get(10, TimeUnit.SECONDS));
        }
        return results;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
