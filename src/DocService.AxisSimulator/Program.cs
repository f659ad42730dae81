using DocService.AxisSimulator;

AxisSimulatorApp.Build(args).Run();
