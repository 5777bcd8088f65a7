Console.WriteLine("carbonsim");
