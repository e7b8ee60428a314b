using System.Diagnostics;
using Actors.Cluster.Testing.History;

namespace Actors.Cluster.Testing.Checking;

/// <summary>
/// Decides whether a recorded history is linearizable with respect to a sequential model: the Wing–Gong search as
/// improved by Lowe and used by Knossos and Porcupine — operations are linearized as early as possible, with
/// backtracking; every (set of linearized operations, state) pair reached is memoised so that no configuration is
/// explored twice; and a history is split by <see cref="Operation.Key"/> into independent parts (P-compositionality:
/// a history is linearizable iff each object's sub-history is), checked one by one.
/// </summary>
/// <remarks>
/// <para>Failed operations (<see cref="OperationOutcome.Fail"/>) are left out: they did not happen. Operations of unknown
/// outcome may be linearized at any point after their invocation, or not at all, as in Knossos.</para>
/// <para>No maintained .NET library does this (searched when it was written); Porcupine (Go) and Knossos (Clojure) are
/// the references.</para>
/// </remarks>
public static class LinearizabilityChecker
{
    /// <summary>How long one key's search may take before its verdict is <see cref="Verdict.Undecided"/>.</summary>
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromMinutes(1);

    /// <summary>Checks <paramref name="history"/> against <paramref name="model"/>, each key apart.</summary>
    /// <param name="model">The sequential specification of one object.</param>
    /// <param name="history">The recorded operations (any order).</param>
    /// <param name="budget">How long each key's search may take; null for <see cref="DefaultBudget"/>.</param>
    public static LinearizabilityResult Check<TState>(ISequentialModel<TState> model, IEnumerable<Operation> history, TimeSpan? budget = null)
        where TState : notnull
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(history);
        var keys = history.Where(o => o.Outcome != OperationOutcome.Fail)
            .GroupBy(o => o.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => CheckKey(model, g.Key, g.OrderBy(o => o.InvokedAt).ToList(), budget ?? DefaultBudget))
            .ToList();
        return new LinearizabilityResult(keys);
    }

    private static KeyResult CheckKey<TState>(ISequentialModel<TState> model, string key, List<Operation> operations, TimeSpan budget)
        where TState : notnull
    {
        var events = new EventList(operations);
        var required = operations.Count(o => o.Outcome == OperationOutcome.Ok);
        var linearizedRequired = new LinearizedSet(operations.Count);
        var linearizedOptional = new LinearizedSet(operations.Count);
        var cache = new Dictionary<(LinearizedSet, TState), List<LinearizedSet>>();
        Frame<TState>? stack = null;
        var state = model.Initial;
        var requiredCount = 0;
        var deepest = (Frame: (Frame<TState>?)null, Stuck: -1, State: state);
        var clock = Stopwatch.StartNew();
        var steps = 0L;
        var node = events.First;
        while (requiredCount < required)
        {
            if (++steps % 4096 == 0 && clock.Elapsed > budget) return Report(Verdict.Undecided);
            if (node >= 0 && events.IsCall(node))
            {
                var index = events.OperationOf(node);
                var isRequired = operations[index].Outcome == OperationOutcome.Ok;
                var stepped = model.TryStep(state, operations[index], out var next);
                var unchanged = stepped && EqualityComparer<TState>.Default.Equals(next, state);
                // An optional operation that changes nothing here is better left for later (it stays available).
                if (stepped && !(unchanged && !isRequired))
                {
                    (isRequired ? linearizedRequired : linearizedOptional).Set(index);
                    if (FirstVisit(next))
                    {
                        // A required operation that changes nothing here loses nothing by being placed now: if the
                        // search fails after it, it fails without it too, so backtracking passes over it.
                        stack = new Frame<TState>(node, state, isRequired && unchanged, stack);
                        state = next;
                        if (isRequired) requiredCount++;
                        events.Lift(node);
                        node = events.First;
                        continue;
                    }

                    (isRequired ? linearizedRequired : linearizedOptional).Clear(index);
                }

                node = events.Next(node);
                continue;
            }

            // A required operation's return is reached without it linearized: undo the last free choice.
            if ((stack?.Depth ?? 0) > (deepest.Frame?.Depth ?? -1)) deepest = (stack, node >= 0 ? events.OperationOf(node) : -1, state);
            bool forced;
            do
            {
                if (stack is null) return Report(Verdict.NotLinearizable);
                var (call, before, wasForced, parent) = (stack.Call, stack.Before, stack.Forced, stack.Parent);
                (state, forced, stack) = (before, wasForced, parent);
                var undone = events.OperationOf(call);
                if (operations[undone].Outcome == OperationOutcome.Ok)
                {
                    linearizedRequired.Clear(undone);
                    requiredCount--;
                }
                else linearizedOptional.Clear(undone);
                events.Unlift(call);
                node = events.Next(call);
            } while (forced);
        }

        return new KeyResult(key, Verdict.Linearizable, operations.Count, [], null, "");

        KeyResult Report(Verdict verdict) => new(key, verdict, operations.Count,
            Frame<TState>.Calls(deepest.Frame).Select(call => operations[events.OperationOf(call)]).ToList(),
            deepest.Stuck >= 0 ? operations[deepest.Stuck] : null, model.Describe(deepest.State));

        // Memoisation with subsumption: a configuration is dead if the same state was reached with the same required
        // operations and a subset of the optional ones (fewer optional operations used leaves more choices).
        bool FirstVisit(TState reached)
        {
            var key = (linearizedRequired, reached);
            if (!cache.TryGetValue(key, out var optionalSets))
            {
                cache[(linearizedRequired.Copy(), reached)] = [linearizedOptional.Copy()];
                return true;
            }

            if (optionalSets.Any(seen => seen.IsSubsetOf(linearizedOptional))) return false;
            optionalSets.Add(linearizedOptional.Copy());
            return true;
        }
    }
}
