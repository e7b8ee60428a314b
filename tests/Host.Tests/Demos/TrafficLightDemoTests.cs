namespace Actors.Host.Tests.Demos;

/// <summary>
/// Scenario 9: the light alternates green and red for five phases; the car stops once in every red phase and starts
/// again after the green that ends it. Every assertion follows from causality (the light prints a phase before it
/// applies it; red ends only once the car waits), not from timing.
/// </summary>
public sealed class TrafficLightDemoTests
{
    private const string Green = "green light is on...";
    private const string Red = "red light is on...";
    private const string Running = "MINT is running";
    private const string Stops = "MINT sees red light, waiting...";
    private const string Starts = "MINT green light is on, start going...";

    [Fact]
    public async Task TrafficLight_FivePhases_CarStopsOnEachRedAndStartsAgainOnTheNextGreen()
    {
        var lines = (await DemoHarness.RunAsync("traffic-light")).ToList();
        var all = string.Join('\n', lines);

        // Phases: where each run of same-coloured light lines begins.
        var phaseStarts = new List<int>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is not (Green or Red)) continue;
            var previous = i == 0 ? -1 : lines.FindLastIndex(i - 1, l => l is Green or Red);
            if (previous < 0 || lines[previous] != lines[i]) phaseStarts.Add(i);
        }

        Assert.Equal([Green, Red, Green, Red, Green], phaseStarts.Select(i => lines[i]));
        var lightLines = phaseStarts.Select((start, k) => lines.Skip(start).Take((k + 1 < phaseStarts.Count ? phaseStarts[k + 1] : lines.Count) - start)
            .Count(l => l == lines[start])).ToList();
        Assert.All(lightLines.Where((_, k) => k % 2 == 0), count => Assert.Equal(5, count));
        Assert.All(lightLines.Where((_, k) => k % 2 == 1), count => Assert.True(count >= 5, all));

        // One stop per red phase, printed while it is red; one start per red phase, printed after the green that ends it.
        var stops = Indexes(lines, Stops);
        var starts = Indexes(lines, Starts);
        Assert.Equal(2, stops.Count);
        Assert.Equal(2, starts.Count);
        for (var k = 0; k < 2; k++)
        {
            var redStart = phaseStarts[2 * k + 1];
            var nextGreen = phaseStarts[2 * k + 2];
            Assert.InRange(stops[k], redStart + 1, nextGreen - 1);
            Assert.True(starts[k] > nextGreen, all);
        }

        // The car's own lines: after every stop comes a start, never a run.
        var car = lines.Where(l => l.StartsWith("MINT ") && !l.StartsWith("MINT parked")).ToList();
        Assert.All(car, l => Assert.Contains(l, new[] { Running, Stops, Starts }));
        for (var i = 0; i < car.Count; i++)
            if (car[i] == Stops) Assert.Equal(Starts, car[i + 1]);

        Assert.Contains("the light switches off after 5 phases", lines);
        Assert.StartsWith("MINT parked", lines[^1]);
    }

    private static List<int> Indexes(List<string> lines, string line) =>
        lines.Select((l, i) => (l, i)).Where(p => p.l == line).Select(p => p.i).ToList();
}
