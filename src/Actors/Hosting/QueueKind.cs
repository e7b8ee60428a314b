namespace Actors.Hosting;

/// <summary>Which of Python's queue classes a registered queue is.</summary>
public enum QueueKind
{
    /// <summary><c>queue.Queue</c>: first in, first out.</summary>
    Fifo,

    /// <summary><c>queue.LifoQueue</c>: last in, first out.</summary>
    Lifo,

    /// <summary><c>queue.PriorityQueue</c>: smallest first.</summary>
    Priority,

    /// <summary><c>queue.SimpleQueue</c>: unbounded FIFO without task tracking.</summary>
    Simple,
}
