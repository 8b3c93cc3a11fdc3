package org.demarche.common.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;

/**
 * Work that many threads ask for at once, done in groups: a thread that asks while a group is under way
 * waits for it, then the first of the waiting to take the lock does everything waiting, together (one
 * transaction, one commit, one refresh). Should a group fail, each of its pieces is done again alone, so
 * that one piece's failure reaches only the thread that asked for it.
 *
 * @param <T> a piece of work
 * @param <R> its result (null allowed)
 */
public final class GroupCommit<T, R> {

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

    /** Does the work, with whatever else is waiting; its result, or its failure thrown. */
    public R submit(T work) {
        Piece<T, R> mine = new Piece<>(work, new CompletableFuture<>());
        waiting.add(mine);
        lock.lock();
        try {
            if (!mine.done().isDone()) {
                doWaiting();
            }
        } finally {
            lock.unlock();
        }
        try {
            return mine.done().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private void doWaiting() {
        List<Piece<T, R>> group = new ArrayList<>();
        for (Piece<T, R> next = waiting.poll(); next != null; next = waiting.poll()) {
            group.add(next);
        }
        try {
            List<R> results = together.apply(group.stream().map(Piece::work).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).done().complete(results.get(i));
            }
        } catch (RuntimeException e) {
            for (Piece<T, R> piece : group) {
                try {
                    piece.done().complete(together.apply(List.of(piece.work())).get(0));
                } catch (RuntimeException alone) {
                    piece.done().completeExceptionally(alone);
                }
            }
        } finally {
            // An Error on the way must not leave the other threads waiting for ever.
            group.forEach(
                    piece -> piece.done().completeExceptionally(new IllegalStateException("The work was cut off")));
        }
    }
}
