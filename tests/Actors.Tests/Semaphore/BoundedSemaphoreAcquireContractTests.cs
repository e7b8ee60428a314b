namespace Actors.Tests.Semaphore;

/// <summary>A BoundedSemaphore of value 1 runs the acquire contract.</summary>
public sealed class BoundedSemaphoreAcquireContractTests : SemaphoreAcquireContractTests
{
    protected override bool Bounded => true;
}
