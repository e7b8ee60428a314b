global using Akka.Actor;
global using Xunit;
global using Actors.Tests.Support;
