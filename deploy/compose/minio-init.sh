#!/bin/sh
# Run once by the minio-init service (docker-compose.yml): the Object Lock bucket and the API's own user.
set -eu
root_user=$(cat /run/secrets/minio_root_user)
root_password=$(cat /run/secrets/minio_root_password)
api_secret=$(cat /run/secrets/s3_secret)
bucket=docservice

mc alias set local http://minio:9000 "$root_user" "$root_password" >/dev/null
mc mb --ignore-existing --with-lock --region us-east-1 "local/$bucket"
mc retention set --default COMPLIANCE 1d "local/$bucket"

# The API may use its bucket and nothing else; it can set retention but never bypass governance.
cat > /tmp/docservice-policy.json <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": ["s3:*"], "Resource": ["arn:aws:s3:::$bucket", "arn:aws:s3:::$bucket/*"]},
    {"Effect": "Deny", "Action": ["s3:BypassGovernanceRetention", "s3:PutBucketObjectLockConfiguration", "s3:DeleteBucket"], "Resource": ["arn:aws:s3:::$bucket", "arn:aws:s3:::$bucket/*"]}
  ]
}
POLICY
mc admin policy create local docservice-archive /tmp/docservice-policy.json
mc admin user add local docservice "$api_secret"
mc admin policy attach local docservice-archive --user docservice 2>/dev/null || true   # already attached on a re-run
echo "Bucket $bucket (Object Lock, COMPLIANCE) and user docservice are ready."
