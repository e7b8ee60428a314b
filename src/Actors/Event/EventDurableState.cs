using Actors.Protocol;

namespace Actors.Event;

/// <summary>What of an event outlives its coordinator: its flag.</summary>
/// <param name="IsSet">Python's <c>is_set()</c>.</param>
public sealed record EventDurableState(bool IsSet) : IDurableState;
