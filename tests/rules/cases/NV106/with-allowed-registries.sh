ngc cf fn create --name app --inference-url /infer --container-image registry.example.com/app:1
