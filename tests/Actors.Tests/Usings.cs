global using Akka.Actor;
global using Akka.TestKit;
global using Xunit;
global using Actors.Protocol;
global using Actors.Tests.Support;
