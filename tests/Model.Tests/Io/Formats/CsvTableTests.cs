using CarbonSim.Model.Io.Formats;

namespace CarbonSim.Model.Tests.Io.Formats;

/// <summary>The one CSV reader: RFC 4180 quoting, BOM, blank lines, and errors that name file, line, column, value and expectation.</summary>
public class CsvTableTests
{
    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks_and_lines_are_counted_through_them()
    {
        var t = CsvTable.Parse("q.csv", "id,name,note\n1,\"Tianjin, port\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",x\n3,plain,y\n", "id", "name");
        Assert.Equal(3, t.Rows.Count);
        Assert.Equal("Tianjin, port", t.Rows[0].Text("name"));
        Assert.Equal("say \"hi\"", t.Rows[0].Text("note"));
        Assert.Equal("two\nlines", t.Rows[1].Text("name"));
        Assert.Equal([2, 3, 5], t.Rows.Select(r => r.Line));
        // an error after the multi-line field names the real line
        var e = Assert.Throws<InvalidInputException>(() => t.Rows[2].Number("name"));
        Assert.Equal("line 5, column 'name'", e.Place);
    }

    [Fact]
    public void A_byte_order_mark_CRLF_line_ends_and_blank_lines_are_read_through()
    {
        var t = CsvTable.Parse("b.csv", "\uFEFFyear,value\r\n\r\n2020,1.5\r\n   \r\n2021,2\r\n\r\n", "year", "value");
        Assert.Equal("year", t.Header[0]); // no BOM glued to the first column name
        Assert.True(t.HasColumn("year"));
        Assert.Equal([2020, 2021], t.Rows.Select(r => r.Integer("year")));
        Assert.Equal([3, 5], t.Rows.Select(r => r.Line));
        Assert.Equal(2.0, t.Rows[1].Number("value"));
    }

    [Fact]
    public void Read_takes_a_file_with_a_BOM_from_disk()
    {
        var path = Path.Combine(Path.GetTempPath(), $"carbonsim-csv-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "id,x\n7,0.25\n", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        try
        {
            var t = CsvTable.Read(path, "id");
            Assert.Equal(7, t.Rows.Single().Integer("id"));
            Assert.Equal(path, t.File);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_bad_number_names_file_line_column_value_and_expectation()
    {
        var t = CsvTable.Parse("data/rates.csv", "city_id,year,rate\n110000,2020,0.5\n120000,2020,1,5\n".Replace("1,5", "\"1,5\""), "rate");
        var e = Assert.Throws<InvalidInputException>(() => t.Rows[1].Number("rate", 0, 10));
        Assert.Equal("data/rates.csv", e.File);
        Assert.Equal("line 3, column 'rate'", e.Place);
        Assert.Equal("1,5", e.Value);
        Assert.Equal("a finite number", e.Expected);
        Assert.Equal("data/rates.csv: line 3, column 'rate': got '1,5', expected a finite number", e.Message);

        var range = Assert.Throws<InvalidInputException>(() => t.Rows[0].Number("rate", 1, 10));
        Assert.Equal("line 2, column 'rate'", range.Place);
        Assert.Equal("a number in [1, 10]", range.Expected);
        var integer = Assert.Throws<InvalidInputException>(() => t.Rows[0].Integer("rate"));
        Assert.Equal(("0.5", "an integer"), (integer.Value, integer.Expected));
    }

    [Fact]
    public void Structural_errors_name_the_line()
    {
        var fields = Assert.Throws<InvalidInputException>(() => CsvTable.Parse("f.csv", "a,b\n1,2\n3\n"));
        Assert.Equal(("f.csv", "line 3", "1 fields", "2 fields as in the header"), (fields.File, fields.Place, fields.Value, fields.Expected));
        var quote = Assert.Throws<InvalidInputException>(() => CsvTable.Parse("q.csv", "a,b\n1,\"open\n2,3\n"));
        Assert.Equal("line 2", quote.Place);
        Assert.Equal("a closing double quote", quote.Expected);
        var column = Assert.Throws<InvalidInputException>(() => CsvTable.Parse("c.csv", "a,b\n1,2\n", "year"));
        Assert.Equal(("line 1 (header)", "a,b", "a column named 'year'"), (column.Place, column.Value, column.Expected));
        var empty = Assert.Throws<InvalidInputException>(() => CsvTable.Parse("e.csv", "\uFEFF\n\n"));
        Assert.Equal("a header row", empty.Expected);
        var missing = Assert.Throws<InvalidInputException>(() => CsvTable.Read("/nonexistent/x.csv"));
        Assert.Equal("an existing CSV file", missing.Expected);
    }
}
