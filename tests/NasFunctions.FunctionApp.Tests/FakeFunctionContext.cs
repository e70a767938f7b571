using System.Collections.Immutable;
using Microsoft.Azure.Functions.Worker;

namespace NasFunctions.FunctionApp.Tests;

/// <summary>A function invocation's context as the ASP.NET Core integration leaves it: its HttpContext under "HttpRequestContext" (null: not HTTP).</summary>
internal sealed class FakeFunctionContext : FunctionContext
{
    public FakeFunctionContext(string functionName, Microsoft.AspNetCore.Http.HttpContext? http)
    {
        FunctionDefinition = new Definition(functionName);
        if (http is not null)
        {
            Items["HttpRequestContext"] = http;
        }
    }

    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => FunctionDefinition.Id;

    public override TraceContext TraceContext => throw new NotSupportedException();

    public override BindingContext BindingContext => throw new NotSupportedException();

    public override RetryContext RetryContext => throw new NotSupportedException();

    public override IServiceProvider InstanceServices { get; set; } = null!;

    public override FunctionDefinition FunctionDefinition { get; }

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features => throw new NotSupportedException();

    private sealed class Definition(string name) : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters => [];

        public override string PathToAssembly => string.Empty;

        public override string EntryPoint => name;

        public override string Id => name;

        public override string Name => name;

        public override IImmutableDictionary<string, BindingMetadata> InputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;

        public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
    }
}
