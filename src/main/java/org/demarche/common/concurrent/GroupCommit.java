package org.demarche.common.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;

/**
 * Work that many threads ask for at once, done in groups: a thread that asks while a group is under way
 * waits, and whichever waiting thread next finds the lock free does everything waiting, together (one
 * transaction, one commit, one refresh). A thread whose piece another did returns as soon as it is done,
 * without waiting for the lock. Should a group of several fail, each of its pieces is done again alone, so
 * that one piece's failure reaches only the thread that asked for it.
 *
 * @param <T> a piece of work
 * @param <R> its result (null allowed)
 */
public final class GroupCommit<T, R> {

    /** How often a waiting thread looks whether the lock came free while its piece is not done. */
    private static final long LOOK_AGAIN_MILLIS = 2;

    private record Piece<T, R>(T work, CompletableFuture<R> done) {}

    private final Queue<Piece<T, R>> waiting = new ConcurrentLinkedQueue<>();
    private final Lock lock;
    private final Function<List<T>, List<R>> together;

    /**
     * @param lock held while a group is done (the caller's own, when other work must exclude it too)
     * @param together does a group's pieces together and returns their results in the same order
     */
    public GroupCommit(Lock lock, Function<List<T>, List<R>> together) {
        this.lock = lock;
        this.together = together;
    }

    /**
     * Does the work, with whatever else is waiting; its result, or its failure thrown. An interrupted thread
     * does not lead a group (an interrupt during a database's file I/O can close its file): it gets an
     * {@link IllegalStateException}, and its piece is done by the next group if there is one.
     */
    public R submit(T work) {
        Piece<T, R> mine = new Piece<>(work, new CompletableFuture<>());
        waiting.add(mine);
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("Interrupted while waiting for its group");
            }
            if (lock.tryLock()) {
                try {
                    if (!mine.done().isDone()) {
                        doWaiting();
                    }
                } finally {
                    lock.unlock();
                }
            }
            try {
                return mine.done().get(LOOK_AGAIN_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // not done yet: lead the next group if the lock is free
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for its group", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Pieces asked for and not yet taken into a group. */
    int waiting() {
        return waiting.size();
    }

    private void doWaiting() {
        List<Piece<T, R>> group = new ArrayList<>();
        try {
            for (Piece<T, R> next = waiting.poll(); next != null; next = waiting.poll()) {
                group.add(next);
            }
            List<R> results;
            try {
                results = together.apply(group.stream().map(Piece::work).toList());
            } catch (RuntimeException e) {
                if (group.size() == 1) {
                    group.get(0).done().completeExceptionally(e);
                } else {
                    group.forEach(this::doAlone);
                }
                return;
            }
            if (results.size() != group.size()) {
                throw new IllegalStateException(results.size() + " results for " + group.size() + " pieces");
            }
            for (int i = 0; i < group.size(); i++) {
                group.get(i).done().complete(results.get(i));
            }
        } finally {
            // An Error on the way must not leave the other threads waiting for ever.
            group.forEach(
                    piece -> piece.done().completeExceptionally(new IllegalStateException("The work was cut off")));
        }
    }

    private void doAlone(Piece<T, R> piece) {
        try {
            piece.done().complete(together.apply(List.of(piece.work())).get(0));
        } catch (RuntimeException alone) {
            piece.done().completeExceptionally(alone);
        }
    }
}
