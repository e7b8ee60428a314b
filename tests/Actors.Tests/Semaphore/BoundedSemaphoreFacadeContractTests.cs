namespace Actors.Tests.Semaphore;

/// <summary>A BoundedSemaphore of value 1 runs the facade acquire contract.</summary>
public sealed class BoundedSemaphoreFacadeContractTests : SemaphoreFacadeContractTests
{
    protected override bool Bounded => true;
}
