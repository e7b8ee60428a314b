global using Akka.Actor;
global using Xunit;
global using Actors.Protocol;
global using Actors.Cluster.Tests.Support;
