ngc cf fn create --name app --inference-url /infer --container-image acme/app:1
