using NasFunctions.SearchSpace;

namespace NasFunctions.SearchSpace.Tests;

public class SpecErrorTests
{
    [Fact]
    public void ToString_names_path_and_message()
    {
        new SpecError("$.space.channels[1]", "must be positive").ToString().ShouldBe("$.space.channels[1]: must be positive");
    }
}
